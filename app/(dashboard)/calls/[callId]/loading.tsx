import { Card, Skeleton } from "@/components/ui";

/** Shown while VICIdial answers; the lookup gives up after the client's timeout, never spins forever. */
export default function Loading() {
  return (
    <div role="status" aria-label="Looking the call up in VICIdial">
      <Skeleton className="mb-2 h-8 w-80" />
      <Skeleton className="mb-6 h-4 w-96" />
      <Card title="Call details">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 9 }, (_, i) => (
            <div key={i} className="space-y-1">
              <Skeleton className="h-3 w-24" />
              <Skeleton className="h-5 w-40" />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
