/** A loaded machine can leave an ack out past its timeout: publishing again is safe (same Nats-Msg-Id, stored once). */
export async function patiently(publish: () => Promise<unknown>): Promise<void> {
  for (;;) {
    try {
      await publish();
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "TIMEOUT") throw err;
    }
  }
}

/** Publishes events 0 … total-1, awaiting the acks in windows of `window`, and says on stderr how far it got. */
export async function publishInWindows(total: number, window: number, publishOne: (i: number) => Promise<unknown>): Promise<void> {
  let inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    inFlight.push(publishOne(i));
    if (inFlight.length === window) {
      await Promise.all(inFlight);
      inFlight = [];
    }
    if (i % 100_000 === 0) process.stderr.write(`\rpublishing ${i.toLocaleString("en")} / ${total.toLocaleString("en")}`);
  }
  await Promise.all(inFlight);
  process.stderr.write("\n");
}
