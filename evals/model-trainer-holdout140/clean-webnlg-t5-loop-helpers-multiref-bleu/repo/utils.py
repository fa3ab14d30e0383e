import random

import numpy as np
import sacrebleu
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def linearise(triples):
    # "Alan_Bean | occupation | Test_pilot" -> "<S> Alan Bean <P> occupation <O> Test pilot"
    parts = []
    for t in triples:
        s, p, o = [x.strip().replace("_", " ") for x in t.split("|")]
        parts.append(f"<S> {s} <P> {p} <O> {o}")
    return "translate Graph to English: " + " ".join(parts)


def reference_streams(refs_per_item):
    """sacrebleu wants K streams of N strings; items with fewer refs repeat their first one."""
    k = max(len(r) for r in refs_per_item)
    return [[r[i] if i < len(r) else r[0] for r in refs_per_item] for i in range(k)]


@torch.no_grad()
def generate_and_score(model, tokenizer, sources, refs_per_item, cfg, device):
    model.eval()
    hyps = []
    for i in range(0, len(sources), cfg["batch_size"] * 2):
        enc = tokenizer(sources[i:i + cfg["batch_size"] * 2], max_length=cfg["max_source_length"],
                        truncation=True, padding=True, return_tensors="pt").to(device)
        out = model.generate(**enc, num_beams=cfg["num_beams"], max_new_tokens=cfg["max_target_length"])
        hyps.extend(tokenizer.batch_decode(out, skip_special_tokens=True))
    streams = reference_streams(refs_per_item)
    return {"bleu": sacrebleu.corpus_bleu(hyps, streams).score,
            "chrf": sacrebleu.corpus_chrf(hyps, streams).score}, hyps
