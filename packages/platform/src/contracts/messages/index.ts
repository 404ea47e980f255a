export * from "./languages";
export * from "./glossary";
export * from "./message-set";
export * from "./catalogue";
export * from "./names";
export * from "./staff";
export * from "./staff-pages";
export * from "./playbook-reasons";
