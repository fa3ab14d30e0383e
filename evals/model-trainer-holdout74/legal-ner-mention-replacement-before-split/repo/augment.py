"""Mention-replacement augmentation for under-represented entity types.

Each augmented sentence keeps the context tokens and swaps every mention of a rare type
for another surface form of the same type drawn from the corpus.
"""
import random
from collections import defaultdict


def spans(tags):
    out, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if tag.startswith(("B-", "I-")):
                start, label = i, tag[2:]
    return out


def build_mention_pool(sentences):
    pool = defaultdict(set)
    for sent in sentences:
        for s, e, label in spans(sent["tags"]):
            pool[label].add(tuple(sent["tokens"][s:e]))
    return {k: sorted(v) for k, v in pool.items()}


def replace_mentions(sent, pool, rare_types, rng):
    tokens, tags, cursor = [], [], 0
    for s, e, label in spans(sent["tags"]):
        tokens += sent["tokens"][cursor:s]
        tags += sent["tags"][cursor:s]
        mention = list(rng.choice(pool[label])) if label in rare_types else sent["tokens"][s:e]
        tokens += mention
        tags += ["B-" + label] + ["I-" + label] * (len(mention) - 1)
        cursor = e
    tokens += sent["tokens"][cursor:]
    tags += sent["tags"][cursor:]
    return {"doc_id": sent["doc_id"], "tokens": tokens, "tags": tags, "augmented": True}


def oversample_rare_types(sentences, pool, rare_types, copies=3, seed=0):
    rng = random.Random(seed)
    out = list(sentences)
    for sent in sentences:
        labels = {label for _, _, label in spans(sent["tags"])}
        if labels & set(rare_types):
            out.extend(replace_mentions(sent, pool, rare_types, rng) for _ in range(copies))
    return out
