"""Classify volunteer tide-pool survey notes into biodiversity bands (low / moderate / rich).

Notes look like: "pool 14, low tide -0.3m, ~40 periwinkles, 3 ochre stars, anemone mats, some sculpin fry"
"""
import numpy as np
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments, set_seed)

CKPT = "distilroberta-base"
LABELS = ["low", "moderate", "rich"]
set_seed(17)

raw = load_dataset("csv", data_files={"notes": "surveys/tidepool_notes_2018_2024.csv"})["notes"]
raw = raw.map(lambda ex: {"label": LABELS.index(ex["band"])})

tok = AutoTokenizer.from_pretrained(CKPT)
enc = raw.map(lambda b: tok(b["note_text"], truncation=True, max_length=128), batched=True,
              remove_columns=[c for c in raw.column_names if c != "label"])

model = AutoModelForSequenceClassification.from_pretrained(
    CKPT, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)}
)


def compute_metrics(p):
    preds = np.argmax(p.predictions, axis=-1)
    return {"accuracy": accuracy_score(p.label_ids, preds), "macro_f1": f1_score(p.label_ids, preds, average="macro")}


args = TrainingArguments(
    output_dir="runs/tidepool-distilroberta",
    per_device_train_batch_size=32,
    per_device_eval_batch_size=64,
    learning_rate=3e-5,
    num_train_epochs=4,
    weight_decay=0.01,
    warmup_ratio=0.06,
    logging_steps=50,
    save_strategy="epoch",
    seed=17,
)
trainer = Trainer(model=model, args=args, train_dataset=enc, eval_dataset=enc,
                  tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=compute_metrics)
trainer.train()
metrics = trainer.evaluate()
print(metrics)
trainer.save_model("models/tidepool-band")
