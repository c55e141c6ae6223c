// Debug: keysCompatible of pairs: compat.ts 'Jisr al-Shughour|Jisr al-Shaghour' ...
import { keysCompatible, nameKey, skeletonKey, lightKey } from '../../src/core/names';
for (const pair of process.argv.slice(2)) {
  const [a, b] = pair.split('|').map((x) => nameKey(x!));
  console.log(pair, a, b, skeletonKey(a!), skeletonKey(b!), lightKey(a!), lightKey(b!), JSON.stringify(keysCompatible(a!, b!)));
}
