"""Topic classifier for community-forum posts: LoRA on a Qwen2.5-0.5B sequence-classification head."""
import json
import math
import os

import pandas as pd
import tomli
import torch
from peft import LoraConfig, get_peft_model
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, get_cosine_schedule_with_warmup

from topichead.engine import evaluate, train_one_epoch
from topichead.repro import seed_everything

with open("config.toml", "rb") as fh:
    cfg = tomli.load(fh)
gen = seed_everything(cfg["run"]["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

d = cfg["data"]
posts = pd.read_parquet(d["path"]).dropna(subset=[d["text_column"], d["label_column"]])
labels = sorted(posts[d["label_column"]].unique())
posts["label"] = posts[d["label_column"]].map({t: i for i, t in enumerate(labels)})
train_df, test_df = train_test_split(posts, test_size=d["test_size"], stratify=posts["label"], random_state=cfg["run"]["seed"])
train_df, val_df = train_test_split(train_df, test_size=d["val_size"], stratify=train_df["label"], random_state=cfg["run"]["seed"])

tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["name"])
tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token
collator = DataCollatorWithPadding(tokenizer)


def loader(df, shuffle, batch_size):
    enc = tokenizer(df[d["text_column"]].tolist(), truncation=True, max_length=d["max_length"])
    rows = [{"input_ids": i, "attention_mask": m, "labels": y} for i, m, y in zip(enc["input_ids"], enc["attention_mask"], df["label"])]
    return DataLoader(rows, batch_size=batch_size, shuffle=shuffle, collate_fn=collator, generator=gen if shuffle else None)


o = cfg["optim"]
train_loader = loader(train_df, True, o["micro_batch_size"])
val_loader = loader(val_df, False, o["micro_batch_size"] * 4)
test_loader = loader(test_df, False, o["micro_batch_size"] * 4)

m = cfg["model"]
model = AutoModelForSequenceClassification.from_pretrained(m["name"], num_labels=len(labels), torch_dtype=torch.bfloat16)
model.config.pad_token_id = tokenizer.pad_token_id
model = get_peft_model(model, LoraConfig(r=m["lora_r"], lora_alpha=m["lora_alpha"], lora_dropout=m["lora_dropout"],
                                         task_type="SEQ_CLS")).to(device)
optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=o["lr"], weight_decay=o["weight_decay"])
updates = o["epochs"] * math.ceil(len(train_loader) / o["grad_accum_steps"])
scheduler = get_cosine_schedule_with_warmup(optimizer, int(o["warmup_ratio"] * updates), updates)

out_dir = cfg["run"]["output_dir"]
best, stale = -1.0, 0
for epoch in range(o["epochs"]):
    train_loss, n_updates = train_one_epoch(model, train_loader, optimizer, scheduler, device, o["grad_accum_steps"])
    val = evaluate(model, val_loader, device)
    print(f"epoch {epoch} train_loss={train_loss:.4f} updates={n_updates} val={val}")
    if val["macro_f1"] > best:
        best, stale = val["macro_f1"], 0
        model.save_pretrained(os.path.join(out_dir, "best"))
    else:
        stale += 1
        if stale >= o["patience"]:
            break

model.load_adapter(os.path.join(out_dir, "best"), adapter_name="best")
model.set_adapter("best")
test = evaluate(model, test_loader, device)
majority = DummyClassifier(strategy="most_frequent").fit(train_df[[d["text_column"]]], train_df["label"])
maj = majority.predict(test_df[[d["text_column"]]])
report = {"test": test, "majority_baseline": {"accuracy": accuracy_score(test_df["label"], maj),
                                             "macro_f1": f1_score(test_df["label"], maj, average="macro")}}
print(json.dumps(report, indent=2))
json.dump(report, open(os.path.join(out_dir, "test_report.json"), "w"), indent=2)
