import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/ui/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "VICIdial Admin", template: "%s · VICIdial Admin" },
  description: "Manage DIDs, phones, aliases and CID groups, and look up calls, on a VICIdial cluster.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
