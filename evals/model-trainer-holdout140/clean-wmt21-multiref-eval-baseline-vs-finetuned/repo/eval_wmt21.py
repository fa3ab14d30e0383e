"""Score the stock opus-mt-en-de and our fine-tuned checkpoint on WMT21 newstest en-de.

WMT21 en-de ships with two independent human references (A and B); BLEU and chrF are
computed against both. Usage:
    python eval_wmt21.py --finetuned checkpoints/opus-mt-en-de-news-ft --out results/wmt21.csv
"""
import argparse
from pathlib import Path

import pandas as pd
import sacrebleu
import torch
from sacrebleu.metrics import BLEU, CHRF
from transformers import MarianMTModel, MarianTokenizer

ap = argparse.ArgumentParser()
ap.add_argument("--baseline", default="Helsinki-NLP/opus-mt-en-de")
ap.add_argument("--finetuned", required=True)
ap.add_argument("--data_dir", default="data/wmt21")
ap.add_argument("--beams", type=int, default=5)
ap.add_argument("--batch_size", type=int, default=48)
ap.add_argument("--out", default="results/wmt21.csv")
args = ap.parse_args()
device = "cuda" if torch.cuda.is_available() else "cpu"


def read_lines(name):
    return Path(args.data_dir, name).read_text(encoding="utf-8").rstrip("\n").split("\n")


src = read_lines("newstest2021.en-de.src.en")
refs = [read_lines("newstest2021.en-de.ref.A.de"), read_lines("newstest2021.en-de.ref.B.de")]
assert all(len(r) == len(src) for r in refs), "reference streams must align with the source"


def translate(path):
    tok = MarianTokenizer.from_pretrained(path)
    model = MarianMTModel.from_pretrained(path).to(device)
    hyps = []
    with torch.inference_mode():
        for i in range(0, len(src), args.batch_size):
            batch = tok(src[i:i + args.batch_size], return_tensors="pt", padding=True,
                        truncation=True, max_length=256).to(device)
            out = model.generate(**batch, num_beams=args.beams, max_new_tokens=256)
            hyps.extend(tok.batch_decode(out, skip_special_tokens=True))
    del model
    return hyps


bleu_metric, chrf_metric = BLEU(), CHRF()
rows, per_segment = [], {}
for name, path in [("baseline", args.baseline), ("finetuned", args.finetuned)]:
    hyps = translate(path)
    bleu = bleu_metric.corpus_score(hyps, refs)
    chrf = chrf_metric.corpus_score(hyps, refs)
    bleu_a = bleu_metric.corpus_score(hyps, refs[:1]).score
    rows.append({"system": name, "bleu_AB": round(bleu.score, 2), "bleu_A": round(bleu_a, 2),
                 "chrf_AB": round(chrf.score, 2), "signature": str(bleu_metric.get_signature())})
    per_segment[name] = [sacrebleu.sentence_bleu(h, [refs[0][i], refs[1][i]]).score for i, h in enumerate(hyps)]
    print(rows[-1])

table = pd.DataFrame(rows)
seg = pd.DataFrame(per_segment)
seg["delta"] = seg["finetuned"] - seg["baseline"]
print(table.to_string(index=False))
print(f"segments improved: {(seg.delta > 0).mean():.1%}, worse: {(seg.delta < 0).mean():.1%}")
Path(args.out).parent.mkdir(parents=True, exist_ok=True)
table.to_csv(args.out, index=False)
seg.to_csv(Path(args.out).with_suffix(".segments.csv"), index=False)
