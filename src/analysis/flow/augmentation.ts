// Offline data augmentation: random transforms (torchvision, albumentations, imgaug) or flips and
// rotations applied by hand to samples, whose copies are added to the pool of rows. Added before a
// split, near-duplicates of training samples land in the validation and test parts.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { addLeak, derive, wholeRows, type Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

const AUGMENT_CLASS =
  /^(Random\w+|ColorJitter|GaussianBlur|GaussianNoise|GaussNoise|ElasticTransform|AutoAugment|RandAugment|TrivialAugmentWide|AugMix|HorizontalFlip|VerticalFlip|Flip|Rotate|SafeRotate|ShiftScaleRotate|Affine|HueSaturationValue|CoarseDropout|Cutout|MotionBlur|Blur|CLAHE|Perspective|GridDistortion|OpticalDistortion|Transpose|Fliplr|Flipud|AdditiveGaussianNoise|Multiply)$/;
/** Libraries whose transforms run eagerly on one sample (Keras' Random* layers only act inside a model in training). */
const AUGMENT_LIBRARY = /(^|\.)(torchvision\.transforms(\.v2)?|albumentations|imgaug\.augmenters|iaa|audiomentations|torch_audiomentations|nlpaug\.\w+)\./;
const COMPOSERS = /^(Compose|Sequential|OneOf|SomeOf|RandomApply|RandomChoice|RandomOrder|Sometimes)$/;
/** Functions that return a flipped, rotated or noised copy of their first argument. */
const AUGMENT_FUNCTION = /^((np|numpy)\.(fliplr|flipud|rot90)|torch\.(flip|fliplr|flipud|rot90)|cv2\.(flip|rotate|warpAffine)|(PIL\.)?ImageOps\.(mirror|flip)|\w*(functional|TF|F)\.(hflip|vflip|rotate|affine|adjust_brightness|adjust_contrast|gaussian_blur))$/;

/** `T.RandomHorizontalFlip()`, `A.Compose([A.HorizontalFlip(), ...])`: a transform that augments what it is applied to. */
export function augmentationTransform(qual: string, name: string, args: Val[], kwargs: Map<string, Val>, call: Call): Val | undefined {
  if (!AUGMENT_LIBRARY.test(qual)) return undefined;
  // (nlpaug's augmenters, `naw.SynonymAug(...)`, `nac.KeyboardAug()`: paraphrases of a text.)
  if (AUGMENT_CLASS.test(name) || (/(^|\.)nlpaug\./.test(qual) && /\w+Aug$/.test(name))) return { augment: { line: call.line, what: name } };
  if (COMPOSERS.test(name)) {
    const steps = [...args, ...kwargs.values()].flatMap((v) => [v, ...(v.elems ?? [])]);
    const inner = steps.find((v) => v.augment);
    // A step that learned from rows (`Normalize(mean, std)` of all the images) still applies what it learned.
    const leaks = steps.flatMap((v) => v.leaks ?? []);
    if (inner?.augment) return { augment: { line: inner.augment.line, what: `${name}(${inner.augment.what}, ...)` }, ...(leaks.length ? { leaks } : {}) };
    // (An evaluation pipeline, `Compose([ToTensor(), Normalize([MEAN], [STD])])`, augments nothing but applies what it learned.)
    if (leaks.length) return { leaks };
  }
  return undefined;
}

/** `np.fliplr(img)`, `TF.rotate(img, 10)`: a function making an augmented copy. */
export function augmentFunction(call: Call, qual: string, args: Val[]): Val | undefined {
  if (!AUGMENT_FUNCTION.test(qual)) return undefined;
  return augmentedCopy(call, qual.replace(/^.*\.(\w+)$/, '$1'), args[0]);
}

/** What applying an augmenting transform to a sample returns: a new sample, a copy of that one. */
export function augmentedCopy(call: Call, what: string, sample: Val | undefined): Val {
  return derive(sample, { data: true, augmented: { line: call.line, what } });
}

/**
 * `images.append(aug(img))` next to the originals, or `np.concatenate([X, X_aug])`: the pool now holds
 * augmented copies of its own rows. Rows already split off (`train_imgs`) are not a leak.
 */
export function noteAugmentedCopies(it: Interpreter, call: Call, pool: Val, copies: Val): void {
  if (!copies.augmented || !wholeRows(copies) || !wholeRows(pool)) return;
  const line = it.stmt?.line ?? call.line;
  const leak = {
    kind: 'oversample' as const,
    file: it.path,
    line,
    endLine: it.stmt?.endLine ?? call.endLine,
    what: `augmented copies (\`${copies.augmented.what}\`, line ${copies.augmented.line}) added to the pool of samples`,
    stmtText: it.stmt ? it.src(it.stmt) : undefined,
    ...(pool.origins ? { origins: pool.origins } : {}),
  };
  // A helper module that expands the pool is cited at the call in the file that uses it (file paths have no traced origin).
  // (A helper of the same file handed the untraced pool, `balance_with_augmented_copies(tiles)`: its outermost call.)
  const frame = it.callSiteFor(pool) ?? [...it.frames].reverse().find((f) => f.path !== it.path) ?? it.frames.find((f) => f.handsOver);
  addLeak(pool, frame ? { ...leak, file: frame.path, line: frame.line, endLine: frame.endLine, stmtText: frame.text(), sites: [{ file: it.path, line }] } : leak);
}

/** `aug(img).save(dst)`: the file written holds an augmented copy, and so does the path naming it. */
export function noteSavedCopy(copy: Val, path: Val | undefined): void {
  if (copy.augmented && path) Object.assign(path, { data: true, augmented: copy.augmented });
}

/** `A.Compose([...])`, `T.RandomHorizontalFlip()` at a module's top level: a transform, declared without side effects. */
export function isTransformConstruction(e: Expr): boolean {
  if (e.k !== 'call') return false;
  const name = e.fn.k === 'attr' ? e.fn.attr : e.fn.k === 'name' ? e.fn.id : '';
  return AUGMENT_CLASS.test(name) || COMPOSERS.test(name);
}
