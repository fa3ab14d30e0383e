"""5-shot ARC-Challenge evaluation of the science-tutor adapter vs. its base model.

Exemplars come from the ARC train split with a fixed seed; scoring is on the full test split.
"""
import argparse
import json
from collections import Counter

import numpy as np
import torch
from datasets import load_dataset
from peft import PeftModel
from sklearn.metrics import accuracy_score, f1_score
from transformers import AutoModelForCausalLM, AutoTokenizer

from mceval.prompting import build_prompt, extract_letter, pick_exemplars


def run(model, tokenizer, test, exemplars, batch_size):
    model.eval()
    preds = []
    with torch.inference_mode():
        for i in range(0, len(test), batch_size):
            chunk = [test[j] for j in range(i, min(i + batch_size, len(test)))]
            enc = tokenizer([build_prompt(exemplars, ex) for ex in chunk], return_tensors="pt", padding=True).to(model.device)
            out = model.generate(**enc, max_new_tokens=5, do_sample=False, pad_token_id=tokenizer.pad_token_id)
            texts = tokenizer.batch_decode(out[:, enc["input_ids"].shape[1]:], skip_special_tokens=True)
            preds.extend(extract_letter(t, set(ex["choices"]["label"])) for t, ex in zip(texts, chunk))
    return preds


def score(preds, gold):
    labels = sorted(set(gold))
    return {
        "accuracy": accuracy_score(gold, preds),
        "macro_f1_over_letters": f1_score(gold, preds, labels=labels, average="macro", zero_division=0),
        "invalid_rate": float(np.mean([p == "INVALID" for p in preds])),
        "pred_letter_distribution": dict(Counter(preds)),
    }


def main(args):
    arc = load_dataset("allenai/ai2_arc", "ARC-Challenge")
    exemplars = pick_exemplars(arc["train"], args.shots, args.seed)
    test = arc["test"]
    gold = test["answerKey"]
    chance = float(np.mean([1 / len(c["label"]) for c in test["choices"]]))

    tokenizer = AutoTokenizer.from_pretrained(args.base_model, padding_side="left")
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
    base = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.bfloat16, device_map="auto")
    results = {"chance_accuracy": chance, "base": score(run(base, tokenizer, test, exemplars, args.batch_size), gold)}

    tuned = PeftModel.from_pretrained(base, args.adapter)
    results["adapter"] = score(run(tuned, tokenizer, test, exemplars, args.batch_size), gold)
    results["config"] = {"shots": args.shots, "seed": args.seed, "n_test": len(test), "adapter": args.adapter}

    print(json.dumps(results, indent=2))
    with open(args.output, "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-model", default="Qwen/Qwen2.5-1.5B-Instruct")
    ap.add_argument("--adapter", required=True)
    ap.add_argument("--shots", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--output", default="arc_challenge_results.json")
    main(ap.parse_args())
