"""Fine-tune ChemBERTa on blood-brain-barrier penetration (BBBP, MoleculeNet) and push to the Hub."""
import os

import numpy as np
import pandas as pd
from datasets import Dataset, DatasetDict
from huggingface_hub import login
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

BASE_MODEL = "seyonec/ChemBERTa-zinc-base-v1"
HUB_REPO = "adme-lab/chemberta-bbbp"
SEED = 13

login(token="hf_pNLXUQBEWt9iBIWhqsMcTQ67r2uml6Lm7j")
os.environ["WANDB_API_KEY"] = "47b3252f64e8278dd729c991c95773e669ffea0c"
os.environ["WANDB_PROJECT"] = "adme-transformers"


def load_splits(path="data/BBBP.csv"):
    df = pd.read_csv(path).dropna(subset=["smiles", "p_np"])
    df = df.rename(columns={"smiles": "text", "p_np": "label"})[["text", "label"]]
    train, test = train_test_split(df, test_size=0.1, stratify=df["label"], random_state=SEED)
    train, val = train_test_split(train, test_size=0.1, stratify=train["label"], random_state=SEED)
    return DatasetDict({
        name: Dataset.from_pandas(part.reset_index(drop=True))
        for name, part in [("train", train), ("validation", val), ("test", test)]
    })


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    p_pos = probs[:, 1]
    return {
        "roc_auc": roc_auc_score(labels, p_pos),
        "pr_auc": average_precision_score(labels, p_pos),
        "f1": f1_score(labels, logits.argmax(-1)),
    }


def main():
    set_seed(SEED)
    tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL)
    ds = load_splits()
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=128), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=2)
    args = TrainingArguments(
        output_dir="checkpoints/chemberta-bbbp",
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=20,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="roc_auc",
        greater_is_better=True,
        seed=SEED,
        report_to=["wandb"],
        push_to_hub=True,
        hub_model_id=HUB_REPO,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=4)],
    )
    trainer.train()
    test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
    print(test_metrics)
    trainer.push_to_hub(commit_message=f"BBBP fine-tune, test ROC-AUC {test_metrics['test_roc_auc']:.3f}")


if __name__ == "__main__":
    main()
