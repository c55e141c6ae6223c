// Prints which entity (if any) covers each occurrence of a word in a FA-KES article, after the full resolution:
//   where.ts <file.md> <word> [<file.md> <word> …]
// For reading why a labelled occurrence is missed (see run-labels.ts --missed).
import { fakesArticles, resolveArticles } from './names-eval';

const arts = fakesArticles();
const index = resolveArticles(arts);
for (let i = 2; i + 1 < process.argv.length; i += 2) {
  const file = process.argv[i]!;
  const word = process.argv[i + 1]!;
  const text = arts.find((a) => a.file === file)?.text ?? '';
  for (let p = text.indexOf(word); p >= 0; p = text.indexOf(word, p + 1)) {
    const hit = index.at(file, p);
    const around = text.slice(Math.max(0, p - 50), p + word.length + 30).replace(/\s+/g, ' ');
    console.log(
      `${word} @${p}: ${hit ? `${hit.entity.id} (${hit.entity.kind}) ${JSON.stringify(hit.mention.surface)}` : 'no mention'} …${around}…`,
    );
  }
}
