// Checks Tijdig's webhook deliveries with the Standard Webhooks reference library (npm "standardwebhooks"), as a
// receiver would: the signature under the secret, and the timestamp within five minutes of this machine's clock.
// Input (argument): a JSON file {"secret": "whsec_...", "deliveries": [{"id", "timestamp", "signature", "body"}]}.
// Output: one JSON line per delivery, {"id", "verified": true} or {"id", "verified": false, "error": "..."}.
import { readFileSync } from "node:fs";
import { Webhook } from "standardwebhooks";

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const webhook = new Webhook(input.secret);
for (const d of input.deliveries) {
  try {
    webhook.verify(d.body, { "webhook-id": d.id, "webhook-timestamp": d.timestamp, "webhook-signature": d.signature });
    console.log(JSON.stringify({ id: d.id, verified: true }));
  } catch (e) {
    console.log(JSON.stringify({ id: d.id, verified: false, error: String(e.message || e) }));
  }
}
