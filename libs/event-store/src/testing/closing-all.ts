/**
 * For contract-suite set-ups that open several stores on one file or server (a second
 * connection, a reopen): `open` makes one and remembers it, `closeAll` closes every one made.
 */
export function closingAll<T extends { close(): Promise<void> }>(make: () => T): { open: () => T; closeAll: () => Promise<void> } {
  const opened: T[] = [];
  return {
    open: () => {
      const made = make();
      opened.push(made);
      return made;
    },
    closeAll: async () => {
      for (const made of opened.splice(0)) await made.close();
    },
  };
}
