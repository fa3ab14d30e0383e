"""Offline evaluation of the support-assistant adapter against the base model on the frozen eval set."""
import argparse
import json
import os
import re

import numpy as np
import torch
import wandb
from datasets import load_dataset
from huggingface_hub import HfApi
from peft import PeftModel
from sklearn.metrics import accuracy_score, f1_score
from transformers import AutoModelForCausalLM, AutoTokenizer, set_seed

from harness.judge import PairwiseJudge
from harness.settings import Settings

ROUTES = ["billing", "technical", "account", "other"]
ROUTE_RE = re.compile(r"ROUTE:\s*(billing|technical|account|other)", re.IGNORECASE)


@torch.no_grad()
def generate(model, tokenizer, prompts, max_new_tokens=256, batch_size=8):
    model.eval()
    outs = []
    for i in range(0, len(prompts), batch_size):
        chats = [tokenizer.apply_chat_template([{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True)
                 for p in prompts[i:i + batch_size]]
        enc = tokenizer(chats, return_tensors="pt", padding=True, add_special_tokens=False).to(model.device)
        gen = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False)
        outs.extend(tokenizer.batch_decode(gen[:, enc["input_ids"].shape[1]:], skip_special_tokens=True))
    return outs


def route_of(text):
    m = ROUTE_RE.search(text)
    return m.group(1).lower() if m else "other"


def route_metrics(texts, gold):
    pred = [route_of(t) for t in texts]
    return {"route_accuracy": accuracy_score(gold, pred), "route_macro_f1": f1_score(gold, pred, labels=ROUTES, average="macro")}


def main(args):
    settings = Settings.from_env()
    set_seed(args.seed)
    eval_set = load_dataset(args.eval_dataset, split="test", token=settings.hf_token)

    tokenizer = AutoTokenizer.from_pretrained(args.base_model, padding_side="left", token=settings.hf_token)
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
    base = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.bfloat16, device_map="auto",
                                                token=settings.hf_token)
    base_out = generate(base, tokenizer, eval_set["question"])
    tuned = PeftModel.from_pretrained(base, args.adapter, token=settings.hf_token)
    tuned_out = generate(tuned, tokenizer, eval_set["question"])

    judge = PairwiseJudge(settings.openai_api_key, seed=args.seed)
    wins = [judge.compare(q, r, c, b) for q, r, c, b in zip(eval_set["question"], eval_set["reference_notes"], tuned_out, base_out)]
    results = {
        "base": route_metrics(base_out, eval_set["route"]),
        "adapter": route_metrics(tuned_out, eval_set["route"]),
        "judge_win_rate_vs_base": float(np.mean(wins)),
        "n": len(eval_set),
    }
    print(json.dumps(results, indent=2))

    wandb.login(key=settings.wandb_api_key)
    with wandb.init(project="support-assistant-eval", name=os.path.basename(args.adapter), config=vars(args)) as run:
        run.summary.update({f"{k}/{m}": v for k, d in results.items() if isinstance(d, dict) for m, v in d.items()})
        run.summary["judge_win_rate_vs_base"] = results["judge_win_rate_vs_base"]

    path = f"results/{os.path.basename(args.adapter)}.json"
    HfApi(token=settings.hf_token).upload_file(path_or_fileobj=json.dumps(results, indent=2).encode(), path_in_repo=path,
                                               repo_id=settings.results_repo, repo_type="dataset")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-model", default="meta-llama/Llama-3.1-8B-Instruct")
    ap.add_argument("--adapter", required=True)
    ap.add_argument("--eval-dataset", default="acme-ml/support-eval-frozen-2024-06")
    ap.add_argument("--seed", type=int, default=1)
    main(ap.parse_args())
