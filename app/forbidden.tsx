import Link from "next/link";

export default function Forbidden() {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>Your role does not allow this. If you think it should, ask the office lead to change your role.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </>
  );
}
