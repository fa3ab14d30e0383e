"""QLoRA-style SFT of Mistral-7B on curated legal Q&A, with generation-based evaluation."""
import argparse
import json
import os

import torch
import yaml
from datasets import load_dataset
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

from legalqa.gen_eval import generate_answers, score


def tokenize(ex, tokenizer, max_length):
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": ex["question"]}], tokenize=False,
                                           add_generation_prompt=True)
    p_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    a_ids = tokenizer(ex["answer"] + tokenizer.eos_token, add_special_tokens=False)["input_ids"]
    ids = (p_ids + a_ids)[:max_length]
    return {"input_ids": ids, "attention_mask": [1] * len(ids), "labels": ([-100] * len(p_ids) + a_ids)[:max_length]}


def main(cfg):
    set_seed(cfg["seed"])
    tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])
    tokenizer.pad_token = tokenizer.unk_token or tokenizer.eos_token

    raw = load_dataset("json", data_files=cfg["data"]["path"])
    train_ds = raw[cfg["data"]["train_split"]]
    eval_ds = raw[cfg["data"]["eval_split"]].shuffle(seed=cfg["seed"]).select(range(cfg["data"]["max_eval_samples"]))
    tok = lambda ex: tokenize(ex, tokenizer, cfg["data"]["max_length"])
    train_tok = train_ds.map(tok, remove_columns=train_ds.column_names)
    eval_tok = eval_ds.map(tok, remove_columns=eval_ds.column_names)

    model = AutoModelForCausalLM.from_pretrained(cfg["base_model"], torch_dtype=torch.bfloat16, device_map="auto")
    base_preds = generate_answers(model, tokenizer, eval_ds["question"], cfg["generation"]["max_new_tokens"])
    base_scores = score(base_preds, eval_ds["answer"])

    lc = cfg["lora"]
    model = get_peft_model(model, LoraConfig(r=lc["r"], lora_alpha=lc["alpha"], lora_dropout=lc["dropout"],
                                             target_modules=lc["target_modules"], task_type="CAUSAL_LM"))
    tc = cfg["train"]
    out_dir = os.path.join("runs", cfg["run_name"])
    trainer = Trainer(
        model=model,
        args=TrainingArguments(
            output_dir=out_dir, learning_rate=tc["learning_rate"], num_train_epochs=tc["epochs"],
            per_device_train_batch_size=tc["batch_size"], gradient_accumulation_steps=tc["grad_accum"],
            eval_strategy="steps", eval_steps=tc["eval_steps"], save_strategy="steps", save_steps=tc["eval_steps"],
            load_best_model_at_end=True, metric_for_best_model="eval_loss", greater_is_better=False,
            bf16=True, gradient_checkpointing=True, seed=cfg["seed"], report_to="none",
        ),
        train_dataset=train_tok,
        eval_dataset=eval_tok,
        data_collator=DataCollatorForSeq2Seq(tokenizer, padding=True),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=tc["patience"])],
    )
    trainer.train()
    trainer.save_model(os.path.join(out_dir, "best"))

    preds = generate_answers(model, tokenizer, eval_ds["question"], cfg["generation"]["max_new_tokens"])
    results = {"base": base_scores, "finetuned": score(preds, eval_ds["answer"])}
    print(json.dumps(results, indent=2))
    with open(os.path.join(out_dir, "eval_results.json"), "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/mistral_legal_qa.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
