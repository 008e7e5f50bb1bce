/** A failure the person starting the system can act on; main prints only the message. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
