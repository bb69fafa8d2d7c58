import * as path from 'path';
import { IStackSynthesizer, ISynthesisSession, TerraformStack } from 'cdktf';

/** Where a stack's synth output lands: its directory and its cdk.tf.json. */
export interface StackOutput {
  readonly directory: string;
  readonly stackFile: string;
}

/**
 * Wraps a stack's synthesizer: after the normal synth, even a failed one (a blocking finding is
 * exactly when reports matter), `write` puts its files beside cdk.tf.json. The synth's own error wins
 * over one from `write`.
 */
export class WritingSynthesizer implements IStackSynthesizer {
  constructor(private readonly inner: IStackSynthesizer, private readonly stack: TerraformStack, private readonly write: (output: StackOutput) => void) {}

  public synthesize(session: ISynthesisSession): void {
    let failure: unknown;
    try {
      this.inner.synthesize(session);
    } catch (e) {
      failure = e;
    }
    const manifest = session.manifest.forStack(this.stack);
    try {
      this.write({ directory: path.join(session.outdir, manifest.workingDirectory), stackFile: path.join(session.outdir, manifest.synthesizedStackPath) });
    } catch (e) {
      if (failure === undefined) throw e;
    }
    if (failure !== undefined) throw failure;
  }
}
