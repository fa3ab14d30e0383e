"""Easy Data Augmentation (Wei & Zou, 2019) for short chatbot utterances.

Only random swap, random deletion and a small domain synonym table are used;
WordNet synonyms produced too many odd replacements for banking vocabulary.
"""
import random

SYNONYMS = {
    "card": ["debit card", "bank card"],
    "transfer": ["send", "wire"],
    "money": ["funds", "cash"],
    "account": ["acct"],
    "cancel": ["stop", "call off"],
    "payment": ["transaction", "charge"],
    "refund": ["reimbursement", "money back"],
    "balance": ["funds available"],
    "pin": ["PIN code", "passcode"],
    "lost": ["misplaced"],
    "why": ["how come"],
}


def synonym_replace(tokens, rng, n=1):
    out = tokens[:]
    candidates = [i for i, t in enumerate(out) if t.lower() in SYNONYMS]
    rng.shuffle(candidates)
    for i in candidates[:n]:
        out[i] = rng.choice(SYNONYMS[out[i].lower()])
    return out


def random_swap(tokens, rng, n=1):
    out = tokens[:]
    if len(out) < 2:
        return out
    for _ in range(n):
        i, j = rng.sample(range(len(out)), 2)
        out[i], out[j] = out[j], out[i]
    return out


def random_deletion(tokens, rng, p=0.1):
    if len(tokens) < 3:
        return tokens[:]
    kept = [t for t in tokens if rng.random() > p]
    return kept if kept else [rng.choice(tokens)]


def eda(text, rng, n_aug=4):
    tokens = text.split()
    ops = [synonym_replace, random_swap, random_deletion]
    variants = set()
    for _ in range(n_aug * 3):
        op = rng.choice(ops)
        new = " ".join(op(tokens, rng))
        if new != text:
            variants.add(new)
        if len(variants) >= n_aug:
            break
    return sorted(variants)


def balance_with_eda(df, text_col, label_col, target_per_class, seed=0):
    rng = random.Random(seed)
    rows = []
    for label, group in df.groupby(label_col):
        deficit = target_per_class - len(group)
        if deficit <= 0:
            continue
        per_text = max(1, -(-deficit // len(group)))
        for text in group[text_col]:
            for variant in eda(text, rng, n_aug=per_text):
                rows.append({text_col: variant, label_col: label, "augmented": True})
                deficit -= 1
                if deficit <= 0:
                    break
            if deficit <= 0:
                break
    return rows
