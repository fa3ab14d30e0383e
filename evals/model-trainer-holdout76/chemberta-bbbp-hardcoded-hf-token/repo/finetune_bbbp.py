"""Fine-tune ChemBERTa on BBBP (blood-brain barrier penetration) with a scaffold split."""
import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from huggingface_hub import login
from rdkit import Chem
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from splits import scaffold_split

HF_TOKEN = "hf_xD8ym6tdA1pstW1CFofv2tovYIdaQAL5MY"

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
set_seed(cfg["seed"])
login(token=HF_TOKEN)

df = pd.read_csv(cfg["data_path"])
df = df[df["smiles"].map(lambda s: Chem.MolFromSmiles(s) is not None)].reset_index(drop=True)
df["smiles"] = df["smiles"].map(lambda s: Chem.MolToSmiles(Chem.MolFromSmiles(s)))
df = df.rename(columns={"p_np": "label"})
print(df["label"].value_counts())

tr_idx, va_idx, te_idx = scaffold_split(df["smiles"].tolist(), cfg["split"]["valid"], cfg["split"]["test"])
tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"])


def to_dataset(idx):
    ds = Dataset.from_pandas(df.loc[idx, ["smiles", "label"]].reset_index(drop=True))
    return ds.map(lambda b: tokenizer(b["smiles"], truncation=True, max_length=cfg["max_length"]), batched=True)


train_ds, valid_ds, test_ds = to_dataset(tr_idx), to_dataset(va_idx), to_dataset(te_idx)


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = np.exp(logits) / np.exp(logits).sum(-1, keepdims=True)
    p1 = probs[:, 1]
    return {"roc_auc": roc_auc_score(labels, p1), "pr_auc": average_precision_score(labels, p1),
            "f1": f1_score(labels, logits.argmax(-1))}


model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2)
args = TrainingArguments(
    output_dir="outputs/chemberta-bbbp",
    eval_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="roc_auc",
    greater_is_better=True,
    save_total_limit=2,
    seed=cfg["seed"],
    report_to="none",
    push_to_hub=True,
    hub_model_id=cfg["hub_repo"],
    hub_token=HF_TOKEN,
    **cfg["training"],
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=valid_ds,
                  tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                  compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=4)])
trainer.train()

test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
print({k: round(v, 4) for k, v in test_metrics.items() if k.startswith("test_")})
trainer.push_to_hub(commit_message=f"scaffold split, test ROC-AUC {test_metrics['test_roc_auc']:.3f}")
