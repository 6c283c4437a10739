/** Reads a body until it ends or breaks: what arrived, and whether the connection broke first. */
export async function readUntilCut(res: Response): Promise<{ bytes: number; text: string; cut: boolean }> {
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) return { bytes, text: text + decoder.decode(), cut: false };
      bytes += next.value.byteLength;
      text += decoder.decode(next.value, { stream: true });
    }
  } catch {
    return { bytes, text, cut: true };
  }
}
