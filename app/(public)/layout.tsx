import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("shell");
  return (
    <>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <p className="text-lg font-bold">{t("appName")}</p>
          <LocaleSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </>
  );
}
