export * from './log-hash';
export * from './log-digest';
export * from './digest-key-ring';
export * from './digest-key-directory';
export * from './parse-digest';
export * from './compare-log-with-digests';
export * from './log-hash-follower';
export * from './digest-anchors';
