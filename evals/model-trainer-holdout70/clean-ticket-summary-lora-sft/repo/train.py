"""LoRA SFT of Phi-3-mini for support-ticket summarization."""
import argparse
import json
import math
import os

import torch
import yaml
from peft import LoraConfig, get_peft_model
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from summarizer.data import load_and_split
from summarizer.metrics import generate_summaries, summary_scores

TOKEN_COLUMNS = ["input_ids", "attention_mask", "labels"]


def main(cfg):
    set_seed(cfg["seed"])
    tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])
    tokenizer.pad_token = tokenizer.eos_token
    splits = load_and_split(cfg, tokenizer)
    train_ds = splits["train"].select_columns(TOKEN_COLUMNS)
    val_ds = splits["validation"].select_columns(TOKEN_COLUMNS)
    test_raw = splits["test"]

    model = AutoModelForCausalLM.from_pretrained(cfg["base_model"], torch_dtype=torch.bfloat16, device_map="auto")
    base_preds = generate_summaries(model, tokenizer, test_raw["ticket"], cfg["max_new_tokens"])
    base_scores = summary_scores(base_preds, test_raw["summary"])

    lc = cfg["lora"]
    model = get_peft_model(model, LoraConfig(r=lc["r"], lora_alpha=lc["alpha"], lora_dropout=lc["dropout"],
                                             target_modules=lc["target_modules"], task_type="CAUSAL_LM"))
    tc = cfg["train"]
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=tc["learning_rate"],
        num_train_epochs=tc["epochs"],
        per_device_train_batch_size=tc["batch_size"],
        per_device_eval_batch_size=tc["batch_size"],
        gradient_accumulation_steps=tc["grad_accum"],
        lr_scheduler_type="cosine",
        warmup_ratio=0.03,
        eval_strategy="steps",
        eval_steps=tc["eval_steps"],
        save_strategy="steps",
        save_steps=tc["eval_steps"],
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="eval_loss",
        greater_is_better=False,
        bf16=True,
        seed=cfg["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        data_collator=DataCollatorForSeq2Seq(tokenizer, padding=True),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["patience"])],
    )
    trainer.train()
    trainer.save_model(os.path.join(cfg["output_dir"], "best_adapter"))

    val_loss = trainer.evaluate()["eval_loss"]
    preds = generate_summaries(model, tokenizer, test_raw["ticket"], cfg["max_new_tokens"])
    report = {
        "val_loss": val_loss,
        "val_perplexity": math.exp(val_loss),
        "test_base_model": base_scores,
        "test_lora": summary_scores(preds, test_raw["summary"]),
    }
    print(json.dumps(report, indent=2))
    with open(os.path.join(cfg["output_dir"], "report.json"), "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/phi3_tickets.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
