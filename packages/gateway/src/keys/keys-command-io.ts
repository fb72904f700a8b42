/** Where a `keys` command writes: injectable so commands run in-process in tests. */
export interface KeysCommandIo {
  /** Results: the secret of `create`, the table of `list`. */
  stdout: (text: string) => void
  /** Messages for the person at the terminal and errors. */
  stderr: (text: string) => void
}
