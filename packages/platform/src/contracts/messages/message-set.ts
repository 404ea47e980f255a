import type { ja } from "./ja";

/** Every key of the catalogue: the compiler names a sentence a language lacks, or a key nobody defined. */
export type MessageKey = keyof typeof ja;
export type MessageSet = Readonly<Record<MessageKey, string>>;
