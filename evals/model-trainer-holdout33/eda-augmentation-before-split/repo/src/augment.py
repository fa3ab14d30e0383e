"""Easy Data Augmentation (Wei & Zou, 2019): synonym replacement / random swap / random deletion."""
import random

from nltk.corpus import stopwords, wordnet

_STOP = set(stopwords.words("english"))


def _synonyms(word):
    out = set()
    for syn in wordnet.synsets(word):
        for lemma in syn.lemmas():
            cand = lemma.name().replace("_", " ").lower()
            if cand != word:
                out.add(cand)
    return list(out)


def synonym_replacement(words, n, rng):
    new = words.copy()
    candidates = [w for w in set(words) if w not in _STOP and w.isalpha()]
    rng.shuffle(candidates)
    replaced = 0
    for w in candidates:
        syns = _synonyms(w)
        if syns:
            choice = rng.choice(syns)
            new = [choice if t == w else t for t in new]
            replaced += 1
        if replaced >= n:
            break
    return new


def random_swap(words, n, rng):
    new = words.copy()
    for _ in range(n):
        if len(new) < 2:
            break
        i, j = rng.sample(range(len(new)), 2)
        new[i], new[j] = new[j], new[i]
    return new


def random_deletion(words, p, rng):
    if len(words) <= 1:
        return words
    kept = [w for w in words if rng.random() > p]
    return kept or [rng.choice(words)]


def eda(sentence, alpha=0.1, n_aug=4, seed=None):
    rng = random.Random(seed)
    words = sentence.split()
    n = max(1, int(alpha * len(words)))
    ops = [
        lambda: synonym_replacement(words, n, rng),
        lambda: random_swap(words, n, rng),
        lambda: random_deletion(words, alpha, rng),
    ]
    return [" ".join(rng.choice(ops)()) for _ in range(n_aug)]
