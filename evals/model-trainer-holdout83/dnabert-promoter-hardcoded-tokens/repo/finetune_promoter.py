"""Fine-tune DNABERT-2 on the GUE prom_300_all promoter detection task."""
import json

import numpy as np
import pandas as pd
import torch
import wandb
from datasets import Dataset
from huggingface_hub import login
from sklearn.metrics import f1_score, matthews_corrcoef, roc_auc_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

import settings
from kmer_baseline import fit_baseline, kmer_counts

set_seed(settings.SEED)
login(token=settings.HF_TOKEN)
wandb.login(key="5100ebc5afeae74d540be6e13fd46883a253d258")
wandb.init(project=settings.PROJECT, config={"base_model": settings.BASE_MODEL, "max_len": settings.MAX_LENGTH})

splits = {name: pd.read_csv(settings.DATA_DIR / f"{name}.csv") for name in ("train", "dev", "test")}
for name, df in splits.items():
    print(name, len(df), df["label"].mean().round(3))

tokenizer = AutoTokenizer.from_pretrained(settings.BASE_MODEL, trust_remote_code=True)


def tokenize(batch):
    return tokenizer(batch["sequence"], truncation=True, max_length=settings.MAX_LENGTH)


ds = {name: Dataset.from_pandas(df).map(tokenize, batched=True, remove_columns=["sequence"])
      for name, df in splits.items()}

model = AutoModelForSequenceClassification.from_pretrained(
    settings.BASE_MODEL, num_labels=2, trust_remote_code=True
)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = torch.softmax(torch.tensor(logits), dim=-1)[:, 1].numpy()
    preds = logits.argmax(-1)
    return {
        "auroc": roc_auc_score(labels, probs),
        "mcc": matthews_corrcoef(labels, preds),
        "f1": f1_score(labels, preds),
    }


args = TrainingArguments(
    output_dir=str(settings.OUTPUT_DIR),
    learning_rate=3e-5,
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    num_train_epochs=8,
    warmup_ratio=0.05,
    weight_decay=0.01,
    evaluation_strategy="steps",
    eval_steps=500,
    save_strategy="steps",
    save_steps=500,
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="mcc",
    fp16=torch.cuda.is_available(),
    report_to=["wandb"],
    seed=settings.SEED,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["dev"],
    tokenizer=tokenizer,
    data_collator=DataCollatorWithPadding(tokenizer),
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=4)],
)
trainer.train()
test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")

baseline = fit_baseline(splits["train"]["sequence"], splits["train"]["label"], settings.SEED)
test_seqs, y_test = splits["test"]["sequence"], splits["test"]["label"].values
p_base = baseline.predict_proba(kmer_counts(test_seqs))[:, 1]
baseline_metrics = {
    "auroc": roc_auc_score(y_test, p_base),
    "mcc": matthews_corrcoef(y_test, (p_base > 0.5).astype(int)),
}
print(json.dumps({"dnabert2": test_metrics, "kmer_logreg": baseline_metrics}, indent=2, default=float))
wandb.log({f"baseline/{k}": v for k, v in baseline_metrics.items()})
trainer.push_to_hub(commit_message="prom_300_all fine-tune")
