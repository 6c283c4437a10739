/** The API's base URL for an origin (and optional path prefix): `https://api.example.com/api/v1`. */
export const apiBaseUrl = (apiBase: string) => `${apiBase.replace(/\/+$/, '')}/api/v1`;
