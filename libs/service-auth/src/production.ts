/** NODE_ENV=production: local conveniences (secrets invented beside the data file, HS256 assertions) are refused. */
export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV?.trim().toLowerCase() === 'production';
}
