export { cn } from "./cn";
export { Button, ButtonLink, Spinner, buttonClass } from "./button";
export { Field, Input, Select, Checkbox, Fieldset } from "./field";
export { PageHeader, Card, Badge, EmptyState, Skeleton, PageSkeleton, DetailList } from "./layout";
export { Table, Th, Td, SortTh, Pagination } from "./table";
export { withParams, flattenSearchParams, pageNumber, type SearchParams } from "./url-state";
export { ErrorCallout, SuccessCallout } from "./error-callout";
export { FilterBar } from "./filter-bar";
export { ProgressBar } from "./progress-bar";
