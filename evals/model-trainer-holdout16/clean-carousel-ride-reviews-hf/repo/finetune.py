import json

import numpy as np
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from carousel.config import BASE_MODEL, SEED, OUT, HUB_REPO, HF_TOKEN, LABELS
from carousel.data import load_splits
from carousel.metrics import compute_metrics, majority_baseline

set_seed(SEED)
tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL)
train_ds, valid_ds, test_ds = load_splits(tokenizer)

model = AutoModelForSequenceClassification.from_pretrained(BASE_MODEL, num_labels=len(LABELS))
args = TrainingArguments(
    output_dir=OUT,
    num_train_epochs=10,
    learning_rate=2e-5,
    warmup_ratio=0.06,
    weight_decay=0.01,
    per_device_train_batch_size=32,
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    seed=SEED,
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=valid_ds,
                  tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                  compute_metrics=compute_metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=3)])
trainer.train()

test_out = trainer.predict(test_ds)
report = {"test": test_out.metrics,
          "majority_baseline": majority_baseline(np.array(train_ds["label"]), np.array(test_ds["label"]))}
json.dump(report, open(f"{OUT}/test_report.json", "w"), indent=2, default=float)

if HF_TOKEN:
    trainer.model.push_to_hub(HUB_REPO, token=HF_TOKEN)
    tokenizer.push_to_hub(HUB_REPO, token=HF_TOKEN)
