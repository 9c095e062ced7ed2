import { MongoClient } from 'mongodb';

/**
 * What is wrong with a MongoDB connection string, in the driver's own words, or null when it
 * parses. The driver parses in its constructor and connects only on first use, so nothing is
 * contacted here.
 */
export function mongoUriProblem(uri: string): string | null {
  try {
    new MongoClient(uri);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The database the URI names in its path (`mongodb://host/shoplink`), or null when it names none. */
export function databaseInUri(uri: string): string | null {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(uri);
  return match ? decodeURIComponent(match[1]) : null;
}
