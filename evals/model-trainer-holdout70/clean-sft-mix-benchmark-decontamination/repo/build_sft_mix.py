"""Build the v5 SFT mixture: merge sources, dedupe, remove benchmark-contaminated rows, carve a dev split.

Benchmarks we report on (GSM8K, MMLU, HumanEval, ARC-Challenge) are loaded only to index their test items;
any training conversation that shares a 13-gram with them is dropped and logged.
"""
import json
import os

import pandas as pd
from datasets import concatenate_datasets, load_dataset
from tqdm import tqdm

from mixer.decontam import BenchmarkIndex, normalize_words

SEED = 5
OUT_DIR = os.environ.get("SFT_MIX_DIR", "artifacts/sft_mix_v5")
SOURCES = {
    "oasst": ("json", "data/oasst_filtered.jsonl", 1.0),
    "dolly": ("json", "data/dolly_15k.jsonl", 1.0),
    "internal_support": ("json", "data/internal_support_sft.jsonl", 1.0),
    "synthetic_math": ("json", "data/synthetic_math_cot.jsonl", 0.35),
}


def benchmark_texts():
    gsm = load_dataset("openai/gsm8k", "main", split="test")
    yield from (("gsm8k", i, ex["question"]) for i, ex in enumerate(gsm))
    mmlu = load_dataset("cais/mmlu", "all", split="test")
    yield from (("mmlu", i, ex["question"] + " " + " ".join(ex["choices"])) for i, ex in enumerate(mmlu))
    he = load_dataset("openai/openai_humaneval", split="test")
    yield from (("humaneval", ex["task_id"], ex["prompt"]) for ex in he)
    arc = load_dataset("allenai/ai2_arc", "ARC-Challenge", split="test")
    yield from (("arc_challenge", ex["id"], ex["question"]) for ex in arc)


def load_sources():
    parts = []
    for name, (fmt, path, frac) in SOURCES.items():
        ds = load_dataset(fmt, data_files=path, split="train")
        if frac < 1.0:
            ds = ds.shuffle(seed=SEED).select(range(int(len(ds) * frac)))
        parts.append(ds.add_column("source", [name] * len(ds)).select_columns(["prompt", "response", "source"]))
    return concatenate_datasets(parts)


def main():
    index = BenchmarkIndex(n=13)
    for bench, item_id, text in tqdm(benchmark_texts(), desc="indexing benchmarks"):
        index.add(bench, item_id, text)

    mix = load_sources().to_pandas()
    mix["norm"] = mix["prompt"].map(lambda t: " ".join(normalize_words(t)))
    before = len(mix)
    mix = mix.drop_duplicates(subset=["norm", "response"]).reset_index(drop=True)

    contaminated = []
    keep = []
    for row in tqdm(mix.itertuples(), total=len(mix), desc="decontaminating"):
        hits = index.hits(row.prompt + " " + row.response)
        keep.append(not hits)
        if hits:
            contaminated.append({"source": row.source, "prompt": row.prompt[:200], "hits": sorted(map(str, hits))})
    clean = mix[keep].drop(columns=["norm"]).reset_index(drop=True)

    clean = clean.sample(frac=1.0, random_state=SEED).reset_index(drop=True)
    n_dev = max(500, int(0.02 * len(clean)))
    dev, train = clean.iloc[:n_dev], clean.iloc[n_dev:]

    os.makedirs(OUT_DIR, exist_ok=True)
    train.to_json(os.path.join(OUT_DIR, "train.jsonl"), orient="records", lines=True)
    dev.to_json(os.path.join(OUT_DIR, "dev.jsonl"), orient="records", lines=True)
    pd.DataFrame(contaminated).to_json(os.path.join(OUT_DIR, "contaminated.jsonl"), orient="records", lines=True)
    summary = {
        "rows_loaded": before,
        "rows_after_dedup": len(mix),
        "rows_contaminated": len(contaminated),
        "by_source": pd.Series([c["source"] for c in contaminated]).value_counts().to_dict() if contaminated else {},
        "train_rows": len(train),
        "dev_rows": len(dev),
    }
    print(json.dumps(summary, indent=2))
    with open(os.path.join(OUT_DIR, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=2)


if __name__ == "__main__":
    main()
