"""Fine-tune a Nucleotide Transformer on an enhancer classification downstream task."""
import json
import os
from pathlib import Path

import numpy as np
import torch
from datasets import load_dataset
from sklearn.metrics import average_precision_score, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from baselines import kmer_logreg, predict_kmer

cfg = json.loads(Path("run_config.json").read_text())
set_seed(cfg["seed"])
hf_token = os.environ.get("HF_TOKEN")
if "WANDB_API_KEY" not in os.environ:
    os.environ["WANDB_MODE"] = "offline"
os.environ.setdefault("WANDB_PROJECT", cfg["wandb_project"])

raw = load_dataset(cfg["dataset"], cfg["task"], token=hf_token)
raw = raw.class_encode_column("label")
split = raw["train"].train_test_split(
    test_size=cfg["val_fraction"], stratify_by_column="label", seed=cfg["seed"]
)
train_ds, val_ds, test_ds = split["train"], split["test"], raw["test"]
print({k: len(v) for k, v in [("train", train_ds), ("val", val_ds), ("test", test_ds)]})

tok = AutoTokenizer.from_pretrained(cfg["base_model"], token=hf_token, trust_remote_code=True)


def encode(batch):
    return tok(batch["sequence"], truncation=True, padding="max_length", max_length=cfg["max_length"])


train_enc, val_enc, test_enc = (d.map(encode, batched=True) for d in (train_ds, val_ds, test_ds))

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["base_model"], num_labels=2, token=hf_token, trust_remote_code=True
)


def compute_metrics(pred):
    probs = torch.softmax(torch.from_numpy(pred.predictions), dim=-1)[:, 1].numpy()
    return {"auroc": roc_auc_score(pred.label_ids, probs), "auprc": average_precision_score(pred.label_ids, probs)}


args = TrainingArguments(
    output_dir=cfg["output_dir"],
    learning_rate=cfg["learning_rate"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"] * 2,
    num_train_epochs=cfg["epochs"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="auprc",
    greater_is_better=True,
    bf16=torch.cuda.is_available() and torch.cuda.is_bf16_supported(),
    report_to=["wandb"],
    seed=cfg["seed"],
    hub_model_id=cfg["hub_model_id"],
    hub_token=hf_token,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=train_enc,
    eval_dataset=val_enc,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])],
)
trainer.train()
nt_test = trainer.evaluate(test_enc, metric_key_prefix="test")

kmer = kmer_logreg(train_ds["sequence"], train_ds["label"], cfg["seed"])
p_kmer = predict_kmer(kmer, test_ds["sequence"])
y_test = np.array(test_ds["label"])
summary = {
    "nucleotide_transformer": {"auroc": nt_test["test_auroc"], "auprc": nt_test["test_auprc"]},
    "kmer3_logreg": {"auroc": roc_auc_score(y_test, p_kmer), "auprc": average_precision_score(y_test, p_kmer)},
}
print(json.dumps(summary, indent=2))
Path(cfg["output_dir"], "test_summary.json").write_text(json.dumps(summary, indent=2))
if hf_token:
    trainer.push_to_hub(commit_message=f"{cfg['task']} fine-tune, test AUPRC {nt_test['test_auprc']:.3f}")
