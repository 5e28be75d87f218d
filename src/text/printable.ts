// A name (a file name, a manifest cell) as it can be shown in a one-line list: a warning, a
// progress line, a Markdown bullet. File names from the web or from a careless copy can hold
// newlines, tabs, escape sequences or bidirectional overrides; printed raw they break the list
// they sit in (a newline starts a fake bullet), move the terminal's cursor, or show the name
// reversed. Each such character is written as a visible escape instead, so the name stays
// readable and can still be found on disk.

// C0 and C1 controls, DEL, line/paragraph separators, and the bidirectional embedding,
// override and isolate controls (Unicode TR9, table 4).
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(name: string): string {
  return name.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}
