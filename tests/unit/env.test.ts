import { describe, expect, it } from "vitest";
import { parseEnvironment, parseMailEnvironment } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://localhost:5432/liaison" };

describe("environment validation", () => {
  it("accepts a minimal development environment and applies defaults", () => {
    const environment = parseEnvironment(base);
    expect(environment).toMatchObject({ NODE_ENV: "development", DATABASE_POOL_MAX: 10, SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 });
  });

  it("requires DATABASE_URL and says what it should be", () => {
    expect(() => parseEnvironment({})).toThrow(/DATABASE_URL is required/);
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnvironment({ DATABASE_URL: "mysql://localhost/liaison" })).toThrow(/must start with postgresql/);
  });

  it("refuses to run in production without a session secret", () => {
    expect(() => parseEnvironment({ ...base, NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  it("trusts no proxy hop unless told, and refuses a hop count that is not a small whole number", () => {
    expect(parseEnvironment(base).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnvironment({ ...base, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnvironment({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS cannot be negative/);
    expect(() => parseEnvironment({ ...base, TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
    expect(() => parseEnvironment({ ...base, TRUSTED_PROXY_HOPS: "two" })).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
    expect(() => parseEnvironment({ ...base, TRUSTED_PROXY_HOPS: "50" })).toThrow(/TRUSTED_PROXY_HOPS above 10/);
  });

  it("refuses a short session secret", () => {
    expect(() => parseEnvironment({ ...base, NEXTAUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
  });

  it("accepts production with a secret and converts numbers", () => {
    const environment = parseEnvironment({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), SESSION_IDLE_MINUTES: "15", DATABASE_POOL_MAX: "1" });
    expect(environment.SESSION_IDLE_MINUTES).toBe(15);
    expect(environment.DATABASE_POOL_MAX).toBe(1);
  });

  it("rejects a session idle time that is not a positive whole number", () => {
    expect(() => parseEnvironment({ ...base, SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => parseEnvironment({ ...base, SESSION_IDLE_MINUTES: "ten" })).toThrow(/SESSION_IDLE_MINUTES/);
  });
  it("keeps documents in PostgreSQL unless told, and needs every S3 setting, over https, to use object storage", () => {
    expect(parseEnvironment(base).DOCUMENT_STORAGE).toBe("postgresql");
    const s3 = { ...base, DOCUMENT_STORAGE: "s3", S3_ENDPOINT: "https://s3.ca-central-1.amazonaws.com", S3_BUCKET: "liaison-documents", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" };
    expect(parseEnvironment(s3)).toMatchObject({ DOCUMENT_STORAGE: "s3", S3_REGION: "us-east-1" });
    expect(() => parseEnvironment({ ...s3, S3_BUCKET: undefined })).toThrow(/S3_BUCKET is required when DOCUMENT_STORAGE=s3/);
    expect(() => parseEnvironment({ ...s3, S3_SECRET_ACCESS_KEY: undefined })).toThrow(/S3_SECRET_ACCESS_KEY is required/);
    expect(() => parseEnvironment({ ...s3, S3_ENDPOINT: "http://storage.example.org" })).toThrow(/S3_ENDPOINT must use https/);
    expect(parseEnvironment({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000" }).S3_ENDPOINT).toBe("http://127.0.0.1:9000");
    expect(() => parseEnvironment({ ...s3, S3_BUCKET: "Not A Bucket" })).toThrow(/S3_BUCKET must be a bucket name/);
    expect(() => parseEnvironment({ ...base, DOCUMENT_STORAGE: "disk" })).toThrow(/DOCUMENT_STORAGE must be postgresql or s3/);
  });

  it("e-mail is off without SMTP_URL; with it, a sender and the app's public address are required", () => {
    expect(parseEnvironment(base).SMTP_URL).toBeUndefined();
    const mail = { SMTP_URL: "smtp://user:secret@mail.example.org:587", MAIL_FROM: "Liaison <no-reply@liaison.example>", NEXTAUTH_URL: "https://liaison.example.org" };
    expect(parseEnvironment({ ...base, ...mail })).toMatchObject(mail);
    expect(parseMailEnvironment({ ...mail, MAIL_FROM: "no-reply@liaison.example" }).MAIL_FROM).toBe("no-reply@liaison.example");
    expect(() => parseMailEnvironment({ ...mail, MAIL_FROM: undefined })).toThrow(/MAIL_FROM is required with SMTP_URL/);
    expect(() => parseMailEnvironment({ ...mail, NEXTAUTH_URL: undefined })).toThrow(/NEXTAUTH_URL is required with SMTP_URL/);
    expect(() => parseMailEnvironment({ ...mail, SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => parseMailEnvironment({ ...mail, MAIL_FROM: "Liaison" })).toThrow(/MAIL_FROM must be an address/);
    expect(() => parseMailEnvironment({ ...mail, NEXTAUTH_URL: "ftp://liaison.example.org" })).toThrow(/NEXTAUTH_URL must be/);
  });
});
