"""Query-side data augmentation for the recipe search ranker.

Judged queries are scarce (~1.8k), so we add synonym rewrites of each judged query and reuse
its graded document list. Lexical features are recomputed for the rewritten query text.
"""
import random

import pandas as pd


def rewrite(query, synonyms, replace_prob, rng):
    out = []
    for tok in query.split():
        alts = synonyms.get(tok.lower())
        out.append(rng.choice(alts) if alts and rng.random() < replace_prob else tok)
    return " ".join(out)


def lexical_features(df):
    q_tokens = df["query"].str.lower().str.split()
    t_tokens = df["title"].str.lower().str.split()
    ing_tokens = df["ingredients"].str.lower().str.split()
    df["title_overlap"] = [len(set(q) & set(t)) / len(q) for q, t in zip(q_tokens, t_tokens)]
    df["ingredient_overlap"] = [len(set(q) & set(i)) / len(q) for q, i in zip(q_tokens, ing_tokens)]
    df["query_len"] = q_tokens.str.len()
    return df


def augment_queries(df, synonyms, variants_per_query, replace_prob, seed):
    rng = random.Random(seed)
    frames = [df]
    for qid, group in df.groupby("qid"):
        original = group["query"].iloc[0]
        seen = {original}
        for i in range(variants_per_query):
            new_q = rewrite(original, synonyms, replace_prob, rng)
            if new_q in seen:
                continue
            seen.add(new_q)
            frames.append(group.assign(qid=f"{qid}#syn{i}", query=new_q))
    return lexical_features(pd.concat(frames, ignore_index=True))
