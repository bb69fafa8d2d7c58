import { App, TerraformStack, TerraformVariable, Fn, Lazy, Token } from 'cdktf';
const app = new App(); const s = new TerraformStack(app, 's');
const v = new TerraformVariable(s, 'pw', { type: 'string', sensitive: true });
const vals: any = {
  sens: Fn.sensitive('hunter2'), lazy: Lazy.stringValue({ produce: () => 'hunter2' }), join: Fn.join('', ['hun', 'ter2']),
  lower: Fn.lower('HUNTER2'), v: v.stringValue, sv: Fn.sensitive(v.stringValue), mix: `${v.stringValue}x`, num: Token.asString(Lazy.numberValue({ produce: () => 1234 })),
  lazyv: Lazy.stringValue({ produce: () => v.stringValue }), fnjoinv: Fn.join('', [v.stringValue]),
};
import { Tokenization, DefaultTokenResolver, StringConcat } from "cdktf";
const R = new DefaultTokenResolver(new StringConcat());
for (const [k, x] of Object.entries(vals)) console.log(k, JSON.stringify(Tokenization.resolve(x, { scope: s, preparing: false, resolver: R })));
