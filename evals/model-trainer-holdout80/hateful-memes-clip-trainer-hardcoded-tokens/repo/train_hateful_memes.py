"""Fine-tune a CLIP-based fusion classifier on the Hateful Memes challenge data."""
import os

import numpy as np
import torch
import torch.nn as nn
import wandb
from datasets import load_dataset
from huggingface_hub import login
from PIL import Image
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from transformers import (CLIPModel, CLIPProcessor, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

HF_TOKEN = "hf_rzI5T39AxxIzxbJW18y7o8Ndypk8HKajCN"
os.environ["WANDB_PROJECT"] = "hateful-memes"

MODEL_NAME = "openai/clip-vit-large-patch14"
DATA_DIR = "data/hateful_memes"
HUB_REPO = "trust-safety-ml/clip-hateful-memes"

set_seed(42)
login(token=HF_TOKEN)


class CLIPMemeClassifier(nn.Module):
    """Projects CLIP image and text embeddings, fuses them and predicts hateful / not hateful."""

    def __init__(self, model_name, hidden=768, dropout=0.2):
        super().__init__()
        self.clip = CLIPModel.from_pretrained(model_name)
        dim = self.clip.config.projection_dim
        self.img_proj = nn.Linear(dim, hidden)
        self.txt_proj = nn.Linear(dim, hidden)
        self.head = nn.Sequential(nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, hidden),
                                  nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, 1))
        self.loss_fn = nn.BCEWithLogitsLoss()

    def forward(self, pixel_values, input_ids, attention_mask, labels=None):
        img = self.clip.get_image_features(pixel_values=pixel_values)
        txt = self.clip.get_text_features(input_ids=input_ids, attention_mask=attention_mask)
        fused = self.img_proj(img) * self.txt_proj(txt)
        logits = self.head(fused).squeeze(-1)
        loss = self.loss_fn(logits, labels.float()) if labels is not None else None
        return {"loss": loss, "logits": logits}


processor = CLIPProcessor.from_pretrained(MODEL_NAME)
raw = load_dataset("json", data_files={
    "train": f"{DATA_DIR}/train.jsonl",
    "validation": f"{DATA_DIR}/dev_seen.jsonl",
    "test": f"{DATA_DIR}/test_seen.jsonl",
})


def preprocess(batch):
    images = [Image.open(os.path.join(DATA_DIR, p)).convert("RGB") for p in batch["img"]]
    enc = processor(text=batch["text"], images=images, padding="max_length", truncation=True,
                    max_length=77, return_tensors="np")
    enc["labels"] = batch["label"]
    return enc


ds = raw.map(preprocess, batched=True, batch_size=64, remove_columns=raw["train"].column_names)
ds.set_format("torch")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = 1 / (1 + np.exp(-logits))
    preds = (probs >= 0.5).astype(int)
    return {
        "auroc": roc_auc_score(labels, probs),
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
    }


wandb.login(key="457bb56882a300499b0af37fb1e68afb01c63305")
model = CLIPMemeClassifier(MODEL_NAME)
for p in model.clip.vision_model.embeddings.parameters():
    p.requires_grad = False

args = TrainingArguments(
    output_dir="outputs/clip-hateful-memes",
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    learning_rate=1e-5,
    weight_decay=0.05,
    num_train_epochs=10,
    warmup_ratio=0.1,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="auroc",
    greater_is_better=True,
    save_total_limit=2,
    fp16=torch.cuda.is_available(),
    report_to="wandb",
    run_name="clip-vitl14-fusion",
    push_to_hub=True,
    hub_model_id=HUB_REPO,
    hub_token=HF_TOKEN,
    seed=42,
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
)
trainer.train()

test_metrics = trainer.evaluate(ds["test"], metric_key_prefix="test")
print(test_metrics)
trainer.push_to_hub(commit_message=f"test AUROC {test_metrics['test_auroc']:.4f}")
