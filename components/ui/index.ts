// Server-safe parts only: a client module re-exported here becomes a client reference of every
// page that imports this file, and its code (with react-hook-form) ships with each of them.
// Import client parts from their own modules ("@/components/ui/time", "@/components/ui/input-advice").
export { cn } from "./cn";
export { Button, ButtonLink, Spinner, buttonClass } from "./button";
export { Field, Input, Select, Checkbox, Fieldset } from "./field";
export { PageHeader, Card, Badge, EmptyState, Skeleton, PageSkeleton, DetailList } from "./layout";
export { Table, Th, Td, SortTh, Pagination, KeysetPagination, totalLabel } from "./table";
export { withParams, flattenSearchParams, pageNumber, type SearchParams } from "./url-state";
export { ErrorCallout, SuccessCallout } from "./error-callout";
export { FilterBar } from "./filter-bar";
export { ProgressBar } from "./progress-bar";
export { ExportLink } from "./export-link";
