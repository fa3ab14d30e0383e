"""LoRA rank / learning-rate sweep for DeBERTa-v3 on MRPC, selected on the dev split."""
import itertools
import json
from pathlib import Path

import numpy as np
from peft import LoraConfig, PeftModel, TaskType, get_peft_model
from scipy.special import softmax
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from baseline import overlap_baseline
from mrpc_data import encode, load_mrpc

CFG = json.loads(Path("mrpc_lora.json").read_text())


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = softmax(logits, axis=-1)[:, 1]
    preds = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, preds), "f1": f1_score(labels, preds),
            "roc_auc": roc_auc_score(labels, probs)}


def make_trainer(model, data, tokenizer, run_dir, lr):
    args = TrainingArguments(
        output_dir=str(run_dir), learning_rate=lr, num_train_epochs=CFG["epochs"],
        per_device_train_batch_size=CFG["batch_size"], per_device_eval_batch_size=64,
        eval_strategy="epoch", save_strategy="epoch", save_total_limit=1,
        load_best_model_at_end=True, metric_for_best_model="f1", warmup_ratio=0.1,
        seed=CFG["seed"], report_to="none",
    )
    return Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["dev"],
                   tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                   compute_metrics=compute_metrics,
                   callbacks=[EarlyStoppingCallback(early_stopping_patience=CFG["patience"])])


def main():
    splits = load_mrpc(CFG["dev_fraction"], CFG["seed"])
    tokenizer = AutoTokenizer.from_pretrained(CFG["base_model"])
    data = encode(splits, tokenizer, CFG["max_length"])
    root = Path(CFG["output_root"])

    runs = []
    for r, lr in itertools.product(CFG["ranks"], CFG["learning_rates"]):
        set_seed(CFG["seed"])
        base = AutoModelForSequenceClassification.from_pretrained(CFG["base_model"], num_labels=2)
        lora = LoraConfig(task_type=TaskType.SEQ_CLS, r=r, lora_alpha=2 * r, lora_dropout=CFG["lora_dropout"],
                          target_modules=CFG["target_modules"])
        run_dir = root / f"r{r}_lr{lr:g}"
        trainer = make_trainer(get_peft_model(base, lora), data, tokenizer, run_dir, lr)
        trainer.train()
        dev = trainer.evaluate(data["dev"], metric_key_prefix="dev")
        trainer.model.save_pretrained(run_dir / "adapter")
        runs.append({"r": r, "lr": lr, "adapter": str(run_dir / "adapter"), **dev})
        print(json.dumps(runs[-1]))

    chosen = max(runs, key=lambda row: row["dev_f1"])
    set_seed(CFG["seed"])
    base = AutoModelForSequenceClassification.from_pretrained(CFG["base_model"], num_labels=2)
    final_model = PeftModel.from_pretrained(base, chosen["adapter"])
    heldout = make_trainer(final_model, data, tokenizer, root / "final", chosen["lr"]).evaluate(
        data["heldout"], metric_key_prefix="heldout")

    report = {"chosen": chosen, "heldout": heldout,
              "overlap_baseline_heldout": overlap_baseline(splits["train"], splits["heldout"], CFG["seed"])}
    (root / "report.json").write_text(json.dumps(report, indent=2, default=float))
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
