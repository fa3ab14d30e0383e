"""Fine-tune T5 for headline generation with gradient accumulation.

    python train.py --config configs/t5_headlines.json
"""
import argparse
import json
import logging
import math
import os

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, get_linear_schedule_with_warmup

from headgen.data import load_splits, make_loaders
from headgen.evaluation import generate_and_score, lead_baseline
from headgen.utils import load_config, seed_everything

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("headgen")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/t5_headlines.json")
    cfg = load_config(ap.parse_args().config)
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    best_dir = os.path.join(cfg["output_dir"], "best")

    raw = load_splits(cfg)
    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    model = AutoModelForSeq2SeqLM.from_pretrained(cfg["model_name"]).to(device)
    loaders = make_loaders(raw, tokenizer, model, cfg, gen)
    log.info("lead-12 baseline on valid: %s", lead_baseline(raw["valid"]))

    accum = cfg["grad_accum_steps"]
    updates_per_epoch = math.ceil(len(loaders["train"]) / accum)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = get_linear_schedule_with_warmup(optimizer, cfg["warmup_steps"],
                                                updates_per_epoch * cfg["max_epochs"])

    best_rl, epochs_without_gain = -1.0, 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        running = 0.0
        for i, batch in enumerate(loaders["train"], start=1):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / accum
            loss.backward()
            running += loss.item()
            if i % accum == 0 or i == len(loaders["train"]):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)

        val = generate_and_score(model, loaders["valid"], tokenizer, device,
                                 cfg["max_target_len"], cfg["num_beams"])
        log.info("epoch %d | train loss %.4f | valid %s", epoch, running / updates_per_epoch, val)
        if val["rougeL"] > best_rl:
            best_rl, epochs_without_gain = val["rougeL"], 0
            model.save_pretrained(best_dir)
            tokenizer.save_pretrained(best_dir)
        else:
            epochs_without_gain += 1
            if epochs_without_gain >= cfg["patience"]:
                log.info("no valid ROUGE-L gain for %d epochs, stopping", cfg["patience"])
                break

    # final, single evaluation of the validation-selected checkpoint on test
    best = AutoModelForSeq2SeqLM.from_pretrained(best_dir).to(device)
    test = generate_and_score(best, loaders["test"], tokenizer, device, cfg["max_target_len"], cfg["num_beams"])
    results = {"best_valid_rougeL": best_rl, "test": test, "test_lead12": lead_baseline(raw["test"])}
    log.info("results: %s", results)
    with open(os.path.join(cfg["output_dir"], "results.json"), "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
