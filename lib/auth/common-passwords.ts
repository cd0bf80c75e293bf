import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Passwords known from breaches, most common first: the 49,000-entry "passwords-common" list of
 * @zxcvbn-ts/language-common (MIT), drawn from public breach corpora. It ships inside the package (decompressed in
 * memory when first imported, about 0.5 MB), so checking a password needs no network and sends it nowhere.
 * Chosen over a network check (Have I Been Pwned) because a password must never leave the server, and over small
 * unmaintained lists because zxcvbn-ts is kept up and its list is the one strength estimators are built on.
 * Stored lowercased: the policy (lib/auth/password-policy) compares in lowercase.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));
