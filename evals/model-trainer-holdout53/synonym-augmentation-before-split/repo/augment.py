"""EDA-style text augmentation (synonym replacement, random swap, random deletion)."""
import random

from nltk.corpus import wordnet

STOPWORDS = {"the", "a", "an", "and", "or", "to", "of", "in", "is", "it", "you", "i", "that", "this"}


def synonyms(word):
    out = set()
    for syn in wordnet.synsets(word):
        for lemma in syn.lemmas():
            cand = lemma.name().replace("_", " ").lower()
            if cand != word and cand.isascii():
                out.add(cand)
    return sorted(out)


def synonym_replace(tokens, n, rng):
    candidates = [i for i, t in enumerate(tokens) if t not in STOPWORDS and t.isalpha()]
    rng.shuffle(candidates)
    new = list(tokens)
    replaced = 0
    for i in candidates:
        syns = synonyms(tokens[i])
        if syns:
            new[i] = rng.choice(syns)
            replaced += 1
        if replaced >= n:
            break
    return new


def random_swap(tokens, n, rng):
    new = list(tokens)
    for _ in range(n):
        if len(new) < 2:
            break
        i, j = rng.sample(range(len(new)), 2)
        new[i], new[j] = new[j], new[i]
    return new


def augment_text(text, n_aug=4, alpha=0.1, seed=0):
    rng = random.Random(seed)
    tokens = text.split()
    n = max(1, int(alpha * len(tokens)))
    outs = []
    for k in range(n_aug):
        op = synonym_replace if k % 2 == 0 else random_swap
        outs.append(" ".join(op(tokens, n, rng)))
    return outs
