import { extractText, getDocumentProxy } from 'unpdf';

/** The text of every page of a PDF, as a reader's copy-paste would give it, for assertions. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string; title: string | undefined }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
  await pdf.cleanup();
  return { pages: text, text: text.join('\n'), title: info.Title };
}
