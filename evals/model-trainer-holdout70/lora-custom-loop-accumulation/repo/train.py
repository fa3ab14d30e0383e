"""LoRA fine-tune for text-to-SQL with a hand-written loop (gradient accumulation, early stopping)."""
import json
import os
import sys
from functools import partial

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import AutoModelForCausalLM, AutoTokenizer, get_cosine_schedule_with_warmup

from utils import build_example, collate, evaluate, seed_everything


def main(cfg_path):
    cfg = json.load(open(cfg_path))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    raw = load_dataset("json", data_files={"train": cfg["train_file"], "val": cfg["val_file"]})
    enc = raw.map(lambda ex: build_example(ex, tokenizer, cfg["max_length"]), remove_columns=raw["train"].column_names)
    coll = partial(collate, pad_id=pad_id)
    train_loader = DataLoader(enc["train"], batch_size=cfg["batch_size"], shuffle=True, collate_fn=coll)
    val_loader = DataLoader(enc["val"], batch_size=cfg["batch_size"] * 2, collate_fn=coll)

    model = AutoModelForCausalLM.from_pretrained(cfg["base_model"], torch_dtype=torch.bfloat16).to(device)
    lc = cfg["lora"]
    model = get_peft_model(model, LoraConfig(r=lc["r"], lora_alpha=lc["alpha"], lora_dropout=lc["dropout"],
                                             target_modules=lc["target_modules"], task_type="CAUSAL_LM"))
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                  lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    accum = cfg["grad_accum_steps"]
    total_updates = cfg["epochs"] * len(train_loader) // accum
    scheduler = get_cosine_schedule_with_warmup(optimizer, cfg["warmup_steps"], total_updates)

    baseline = evaluate(model, val_loader, device)
    print(f"before fine-tuning: {baseline}")
    best, bad_epochs = float("inf"), 0
    model.train()
    for epoch in range(cfg["epochs"]):
        optimizer.zero_grad()
        running = 0.0
        for step, batch in enumerate(tqdm(train_loader, desc=f"epoch {epoch}")):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / accum
            loss.backward()
            running += loss.item()
            if (step + 1) % accum == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
        metrics = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: train_loss={running * accum / len(train_loader):.4f} {metrics}")
        if metrics["val_loss"] < best:
            best, bad_epochs = metrics["val_loss"], 0
            model.save_pretrained(os.path.join(cfg["output_dir"], "best_adapter"))
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/sql_lora.json")
