// The words of the report PDF in one language, from the message catalogues, for the renderer (which knows no
// catalogue). Shared by the delivery in Slack and the CLI's `report render`.
import { reportDate, type ReportSection } from "../../domain/report.ts";
import type { ReportLabels } from "../../report/pdf.ts";
import { translator } from "../i18n/index.ts";

export function reportLabels(locale: "ja" | "en"): ReportLabels {
  const t = translator(locale);
  const section = (s: ReportSection) => t(`report.section.${s}`);
  return {
    title: t("report.pdf.title"),
    addressee: (customer) => t("report.pdf.addressee", { customer }),
    edition: (edition) => t("report.pdf.edition", { edition }),
    draft: (version) => t("report.pdf.draft", { version }),
    issuedOn: (date) => t("report.pdf.issued_on", { date }),
    sections: {
      subject: section("subject"), summary: section("summary"), events: section("events"), investigation: section("investigation"),
      cause: section("cause"), measures: section("measures"), nextSteps: section("nextSteps"),
    },
    fields: {
      caseNumber: t("report.field.case"), product: t("report.field.product"), receivedOn: t("report.field.received"),
      answeredOn: t("report.field.answered"), engineer: t("report.field.engineer"),
    },
    changes: (edition) => t("report.pdf.changes", { edition }),
    none: t("report.pdf.none"),
    page: (page, total) => t("report.pdf.page", { page, total }),
    date: (iso) => reportDate(iso, locale),
  };
}
